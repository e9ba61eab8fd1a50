/**
 * Given names as data, for telling people from words, organisations and places in attendance lists
 * and action items. Two sources (see parsers/names/README.md for the licences):
 * - FAKER: the first-name lists of the sv, en, en_GB, nb_NO, da, fi and de locales of
 *   @faker-js/faker 9.9.0 (MIT licence, Copyright (c) 2022-2025 Faker), copied here as data;
 * - COMMON_SV: common Swedish given names missing from those lists, compiled for this project from
 *   the public name statistics of Statistics Sweden (SCB; names are facts, the list is ours).
 * One name per space; hyphenated names ("Ann-Christine") are recognised from their parts.
 */
export const FAKER = `
Aaliyah Aaron Abagail Abbey Abbie Abbigail Abby Abdiel Abdul Abdullah Abe Abel Abelardo Abigail Abigale
Abigayle Abner Abraham Ada Adah Adalberto Adaline Adam Adan Addie Addison Adela Adelbert Adele Adelia Adelina
Adeline Adell Adella Adelle Aditya Adolf Adolfo Adolph Adolphus Adonis Adrain Adrian Adriana Adrianna Adriano
Adriel Adrien Adrienne Afton Aglae Agnes Agneta Agustin Agustina Ahmad Ahmed Ahmet Aida Aidan Aiden Aileen
Aimee Aino Aisha Aiyana Akeem Aksel Al Alaina Alan Alana Alanis Alanna Alayna Alba Albert Alberta Alberte
Albertha Alberto Albin Albina Alda Alden Alea Alec Aleen Alejandra Alejandrin Alejandro Alek Aleksi Alena
Alene Alessa Alessandra Alessandro Alessia Alessio Aletha Alex Alexa Alexander Alexandra Alexandre Alexandrea
Alexandria Alexandrine Alexandro Alexane Alexanne Alexia Alexie Alexis Alexys Alexzander Aleyna Alf Alfonso
Alfonzo Alford Alfred Alfreda Alfredo Ali Alia Alica Alice Alicia Alina Alisa Alisha Alison Alissa Alivia
Aliya Aliyah Aliza Alize Allan Allegra Allen Allene Allie Allison Ally Alma Alonzo Alphonso Alta Althea Alton
Alva Alvah Alvena Alvera Alverta Alvin Alvina Alvis Alyce Alycia Alysa Alysha Alyson Alyssa Alysson Amalia
Amalie Amanda Amani Amar Amara Amari Amaya Amber Ambrose Amelia Amelie Amely America Americo Amie Amina Amir
Amira Amiya Amon Amos Amparo Amy Amya Ana Anabel Anabelle Anahi Anais Anastacio Anastasia Anders Anderson
Andre Andrea Andreane Andreanne Andreas Andres Andrew Andy Anette Angel Angela Angelica Angelina Angeline
Angelique Angelita Angelo Angie Angus Anibal Anika Anissa Anita Aniya Aniyah Anja Anjali Ann Ann-Christin
Ann-Marie Anna Annabel Annabell Annabelle Annalena Annalise Annamae Annamarie Anne Anneke Anneli Annelie
Annemarie Annetta Annette Anni Annie Annika Annikki Anny Anouk Ansel Ansgar Ansley Antero Anthony Antoinette
Anton Antone Antonetta Antonette Antonia Antonietta Antonina Antonio Antti Antwan Antwon Anya April Ara
Araceli Aracely Arch Archibald Archie Arda Ardella Arden Ardith Arely Ari Arian Ariana Ariane Arianna Aric
Ariel Arielle Arjun Arlene Arlie Arlo Armand Armando Armani Armin Arnaldo Arne Arno Arnold Arnoldo Arnulfo
Aron Art Arthur Artur Arturo Arunthavanathan Arved Arvel Arvid Arvilla Arwen Aryanna Asa Asha Ashlee Ashleigh
Ashley Ashly Ashlynn Ashton Ashtyn Asia Assunta Astrid Asya Athena Aubree Aubrey Audie Audra Audreanne Audrey
August Augusta Augustine Augustus Aurelia Aurelie Aurelio Aurora Aurore Austen Austin Austyn Autumn Ava Avery
Avis Axel Ayana Ayden Ayla Ayleen Aylin Ayman Ayse Azra Baby Bailee Bailey Baran Barbara Barbro Baris Barney
Baron Barrett Barry Bart Bartholome Barton Bastian Batuhan Baylee Beatrice Beau Beaulah Becky Bela Belinda
Bell Bella Belle Ben Benedict Benedikt Bengt Benjamin Bennet Bennett Bennie Benno Benny Bent Bente Benton
Berat Berenice Berit Berkay Bernadette Bernadine Bernard Bernardo Bernd Berneice Bernhard Bernice Bernie
Berniece Bernita Berry Bert Berta Bertha Bertram Bertrand Beryl Bessie Beth Bethany Bethel Betina Betsy Bette
Bettie Betty Bettye Beulah Beverly Bianca Bianka Bilal Bill Billie Billy Birdie Birgitta Birgitte Bjarne Björn
Bjørn Blair Blaise Blake Blanca Blanche Blaze Bo Bob Bobbie Bobby Bonita Bonnie Boris Boyd Brad Braden
Bradford Bradley Bradly Brady Braeden Brain Brandi Brando Brandon Brandt Brandy Brandyn Brannon Branson Brant
Braulio Braxton Brayan Breana Breanna Breanne Brenda Brendan Brenden Brendon Brenna Brennan Brennon Brent Bret
Brett Bria Brian Briana Brianne Brice Bridget Bridgette Bridie Brielle Brigitte Brionna Brisa Britney Britt
Britt-Marie Brittany Brock Broderick Brody Brook Brooke Brooklyn Brooks Brown Bruce Bruno Bryan Bryana Bryant
Bryce Brycen Bryon Buck Bud Buddy Buford Bulah Burak Burdette Burley Burnice Buster Byron Cade Caden Caesar
Caitlin Caitlyn Cale Caleb Caleigh Cali Calista Callie Calvin Camden Cameron Camila Camilla Camille Camren
Camron Camryn Camylle Can Candace Candelario Candice Candida Candido Cara Carey Carina Carissa Carl Carla
Carlee Carleton Carley Carli Carlie Carlo Carlos Carlotta Carlton Carmel Carmela Carmella Carmelo Carmen
Carmine Carol Carolanne Carole Carolin Carolina Caroline Carolyn Carolyne Carrie Carroll Carson Carter Cary
Casandra Casey Casimer Casimir Caspar Casper Cassandra Cassandre Cassidy Cassie Catalina Caterina Catharina
Catharine Catherine Cathrine Cathryn Cathy Catrin Cayla Ceasar Cecelia Cecil Cecile Cecilia Cecilie Cedric
Cedrick Cedrik Celestine Celestino Celia Celina Celine Cem Cesar Ceyda Ceylin Chad Chadd Chadrick Chaim Chance
Chandler Chanel Chanelle Chantal Charity Charleen Charlene Charles Charley Charlie Charlotta Charlotte Chase
Chasity Chauncey Chaya Chayenne Chaz Chelsea Chelsey Chelsie Cheryl Chesley Chester Chet Cheyanne Cheyenne
Chiara Chloe Chris Christ Christa Christelle Christer Christian Christiana Christiano Christie Christin
Christina Christine Christoffer Christop Christoph Christophe Christopher Christy Chyna Ciara Cicero Cielo
Cierra Cindy Citlalli Claas Claes Clair Claire Clara Clarabelle Clare Clarence Clarissa Clark Claud Claude
Claudia Claudie Claudine Claus Clay Clayton Clemens Clement Clementina Clementine Clemmie Cleo Cleora Cleta
Cletus Cleve Cleveland Clifford Clifton Clint Clinton Clotilde Clovis Cloyd Clyde Coby Cody Colby Cole Coleman
Colin Colleen Collien Collin Colt Colten Colton Columbus Concepcion Conner Connie Connor Conor Conrad
Constance Constantin Consuelo Cooper Cora Coralie Corbin Cordelia Cordell Cordia Cordie Corene Corey Corine
Corinna Cornelius Cornell Corrine Cortez Cortney Corvin Cory Cosima Coty Courtney Coy Craig Crawford Creola
Cristal Cristian Cristina Cristobal Cristopher Cruz Crystal Crystel Cullen Curt Curtis Cydney Cynthia Cyril
Cyrus D'angelo Dagmar Dahlia Daija Daisha Daisy Dakota Dale Dallas Dallin Dalton Damaris Dameon Damian Damien
Damion Damon Dan Dana Dandre Dane Dangelo Danial Daniel Daniela Daniella Danielle Danika Danilo Dannie Danny
Dante Danyka Daphne Daphnee Daphney Darby Daren Daria Darian Dariana Darien Darin Dario Darion Darius Darla
Darleen Darlene Darnell Daron Darrel Darrell Darren Darrick Darrin Darrion Darron Darryl Darwin Daryl Dashawn
Dasia Dave David Davide Davin Davion Davon Davonte Dawn Dawson Dax Dayana Dayna Dayne Dayton Dean Deangelo
Deanna Debbie Deborah Debra Declan Dedric Dedrick Dee Defne Deion Deja Dejah Dejon Dejuan Delaney Delbert
Delfina Delia Delilah Dell Della Delmer Delores Delpha Delphia Delphine Delta Demarco Demarcus Demario
Demetris Demetrius Demond Dena Denis Denise Deniz Dennis Denny Deon Deondre Deontae Deonte Dereck Derek Derick
Deron Derrick Deshaun Deshawn Desiree Desmond Dessie Destany Destin Destinee Destiney Destini Destiny Devan
Devante Deven Devin Devon Devonte Devyn Dewayne Dewey Dewitt Dexter Diamond Diana Diane Dianna Dianne Diego
Dilara Dillan Dillon Dimitri Dina Dino Dion Ditte-Marie Dixie Dock Dolly Dolores Domenic Domenica Domenick
Domenico Domenik Domingo Dominic Dominick Dominik Dominique Don Donald Donato Donavon Donna Donnell Donnie
Donny Dora Dorcas Doreen Dorian Doris Dorit Dorothea Dorothy Dorris Dortha Dorthe Dorthy Doug Douglas Dovie
Doyle Drake Drew Duane Dudley Dulce Duncan Durward Dustin Dusty Dwayne Dwight Dylan Ea Earl Earlene Earline
Earnest Earnestine Easter Easton Ebba Ebony Ecrin Ed Eda Edd Eddi Eddie Eddy Eden Edgar Edgardo Edison Edith
Edmond Edmund Edna Eduardo Edvin Edward Edwardo Edwin Edwina Edyth Edythe Eero Eeva Efe Effie Efrain Efren Ege
Eileen Einar Eino Eirik Ela Eladio Elaina Elaine Elanur Elbert Elda Eldon Eldora Eldred Eldridge Elea Eleanor
Eleanora Eleanore Eleazar Electa Elena Eleni Elenor Elenora Eleonora Eleonore Elfrieda Eli Elia Eliah Elian
Eliana Eliane Elias Eliezer Elif Elijah Elin Elina Eline Elinor Elinore Elisa Elisabet Elisabeth Elise Eliseo
Elisha Elissa Eliza Elizabeth Ella Ellen Ellen-Margrethe Elli Ellie Elliot Elliott Ellis Ellsworth Elly Elmer
Elmira Elmo Elmore Elna Elnora Elody Eloisa Eloise Elouise Eloy Elroy Elsa Else Elsie Elta Elton Elva Elvera
Elvie Elvira Elvis Elwin Elwyn Elyse Elyssa Elza Emanuel Emelia Emelie Emely Emerald Emerson Emery Emie Emil
Emile Emilia Emilian Emiliano Emilie Emilio Emily Emir Emirhan Emma Emmalee Emmanuel Emmanuelle Emmely Emmet
Emmett Emmi Emmie Emmitt Emmy Emory Emre Ena Enes Enid Enie Enna Enno Enoch Enola Enos Enrico Enrique Ensio
Enya Ephraim Era Eren Eriberto Eric Erica Erich Erick Ericka Erik Erika Erin Erkki Erling Erma Erna Ernest
Ernestina Ernestine Ernesto Ernie Ervin Erwin Eryn Esben Esma Esmeralda Esperanza Essie Esta Esteban Estefania
Estel Estell Estella Estelle Estevan Esther Estrella Etha Ethan Ethel Ethelyn Ethyl Etienne Ettie Eudora
Eugene Eugenia Eula Eulah Eulalia Euna Eunice Eusebio Eva Evalyn Evan Evangeline Evans Eve Eveliina Evelin
Evelina Eveline Evelyn Even Everardo Everett Everette Evert Evie Ewald Ewell Ezekiel Ezequiel Ezra Fabian
Fabien Fabienne Fabio Fabiola Fabrice Fae Faith Falk Fannie Fanny Fatima Fatma Faustino Fausto Favian Fay Faye
Federico Felicia Felicita Felicitas Felicity Felina Felipa Felipe Felix Felton Femke Fenja Ferdinand Fermin
Fern Fernando Ferne Fidel Fiete Filiberto Filip Filomena Fine Finia Finja Finlay Finley Finn Finnja Finnley
Fiona Flavie Flavio Fleta Fletcher Flo Flora Florence Florencio Florentine Florian Florida Florine Flossie
Floy Floyd Ford Forest Forrest Foster Frances Francesca Francesco Francis Francisca Francisco Franco Frank
Franka Frankie Franklin Franz Franziska Fred Freda Freddie Freddy Frederic Frederick Frederik Frederike
Frederique Fredrick Fredrik Fredy Freeda Freeman Freida Freja Freya Frida Frieda Friederike Friedrich Fritz
Furkan Furman Fynn Gabe Gabriel Gabriella Gabrielle Gaetano Gage Gail Gardner Garett Garfield Garland Garnet
Garnett Garret Garrett Garrick Garrison Garry Garth Gary Gaston Gavin Gayle Gene General Genesis Geneva
Genevieve Gennaro Genoveva Geo Geoffrey Georg George Georgette Georgia Georgiana Georgianna Geovanni Geovanny
Geovany Gerald Geraldine Gerard Gerardo Gerda Gerhard Germaine German Gerrit Gerry Gerson Gertrude Gia Giada
Gian Gianluca Gianni Gideon Gilbert Gilberto Gilda Giles Gillian Gina Ginger Gino Giovani Giovanna Giovanni
Giovanny Gisselle Gitte Giulia Giuliana Giuliano Giuseppe Gladyce Gladys Glen Glenda Glenn Glenna Glennie
Gloria Godfrey Golda Golden Gonzalo Gordon Grace Gracie Graciela Grady Graham Grant Granville Grayce Grayson
Green Greg Gregg Gregor Gregoria Gregorio Gregory Greta Gretchen Greyson Griffin Grover Gry Guadalupe Gudrun
Guido Guillermo Guiseppe Gun Gunilla Gunnar Gunnel Gunner Gus Gussie Gust Gustav Gustave Gustavo Guy Gwen
Gwendolyn Göran Hadley Hagen Hailee Hailey Hailie Hakim Hal Haleigh Haley Halie Halle Hallie Hamza Hana Hank
Hanna Hannah Hanne Hannele Hannes Hanno Hannu Hans Harald Hardy Harley Harmon Harmony Harold Harriet Harrison
Harry Harvey Hasan Haskell Hassan Hassie Hattie Hauke Haven Hayden Haylee Hayley Haylie Hazel Hazle Heath
Heather Heaven Heber Hector Hedda Hedvig Heidi Heikki Helen Helena Helene Helga Helin Helle Hellen Helmer
Heloise Henderson Hendrik Hennes Henning Henri Henrick Henrietta Henriette Henrik Henrike Henry Herbert Herman
Hermann Hermina Hermine Herminia Herminio Hershel Herta Hertha Hester Hettie Hilario Hilbert Hilda Hildegard
Hillard Hillary Hilma Hilton Hipolito Hiram Hobart Holden Hollie Hollis Holly Homer Hope Horace Horacio
Hortense Hosea Houston Howard Howell Hoyt Hubert Hudson Hugh Hugo Hulda Humberto Hunter Hussein Hyman Håkan
Håkon Ian Ib Ibrahim Icie Ida Idell Idella Ignacio Ignatius Ike Ila Ilayda Ilene Iliana Ilias Ilja Ilmari
Ilyas Ima Imani Imelda Imke Immanuel Imogene Ina Ines Inez Inga Inger Ingrid Inka Inkeri Ira Irem Irene Iris
Irma Irmeli Irvin Irving Irwin Isa Isaac Isabel Isabell Isabella Isabelle Isac Isadore Isai Isaiah Isaias Isak
Isidro Ismael Ismail Isobel Isom Israel Issac Itzel Iva Ivah Ivan Iven Ivonne Ivory Ivy Izabella Izaiah Jaakko
Jabari Jace Jacey Jacinthe Jacinto Jack Jackeline Jackie Jacklyn Jackson Jacky Jaclyn Jacob Jacqueline
Jacquelyn Jacques Jacynthe Jada Jade Jaden Jadon Jadyn Jaeden Jaida Jaiden Jailyn Jaime Jairo Jakayla Jake
Jakob Jaleel Jalen Jalon Jalyn Jamaal Jamal Jamar Jamarcus Jamel James Jameson Jamey Jamie Jamil Jamila Jamir
Jamison Jammie Jan Jana Janae Jane Janek Janelle Janessa Janet Janice Janick Janie Janin Janina Janine Janis
Janiya Janna Janne Jannek Jannes Janni Jannie Jannik Jannis Jano Janosch Jany Jaquan Jaquelin Jaqueline Jara
Jared Jaren Jari Jarne Jarno Jarod Jaron Jarred Jarrell Jarret Jarrett Jarrod Jarvis Jasen Jasmin Jasmina
Jasmine Jason Jasper Jaunita Javier Javon Javonte Jay Jayce Jaycee Jayda Jayde Jayden Jaydon Jaylan Jaylen
Jaylin Jaylon Jayme Jayne Jayson Jazlyn Jazmin Jazmyn Jazmyne Jean Jeanette Jeanie Jeanne Jeannette Jeannie
Jed Jedediah Jedidiah Jeff Jefferey Jeffery Jeffrey Jeffry Jella Jena Jenifer Jenna Jennie Jennifer Jennings
Jenny Jennyfer Jens Jensen Jeppe Jerad Jerald Jeramie Jeramy Jerel Jeremiah Jeremias Jeremie Jeremy Jermain
Jermaine Jermey Jerod Jerome Jeromy Jerrell Jerrod Jerrold Jerry Jesper Jess Jesse Jessica Jessie Jessika
Jessy Jessyca Jesus Jett Jette Jettie Jevon Jewel Jewell Jil Jill Jillian Jim Jimmie Jimmy Jo Joakim Joan
Joana Joanie Joann Joanna Joanne Joannie Joanny Joany Joaquin Jocelyn Jodi Jodie Jody Joe Joel Joelina Joeline
Joelle Joesph Joey Johan Johann Johanna Johanne Johannes Johathan John Johnathan Johnathon Johnnie Johnny
Johnpaul Johnson Joleen Jolie Jolien Jolin Jolina Joline Jon Jona Jonah Jonas Jonatan Jonathan Jonathon Jonna
Jonte Joost Jordan Jordane Jordi Jordon Jordy Jordyn Jorge Joris Joscha Joschua Jose Josef Josefa Josefin
Josefina Josefine Joseph Josephin Josephine Josh Joshua Joshuah Josiah Josiane Josianne Josie Josua Josue Josy
Jovan Jovani Jovanny Jovany Joy Joyce Juan Juana Juanita Judah Judd Jude Judge Judith Judson Judy Juha Juhani
Juho Jukka Jule Jules Julia Julian Juliana Juliane Julianne Julie Julien Julienne Juliet Julika Julina Julio
Julius Juna June Junior Junius Juri Justen Justice Justin Justina Justine Juston Justus Justyn Juvenal Juwan
Jörgen Jørgen Kaan Kaarina Kacey Kaci Kacie Kade Kaden Kadin Kaela Kaelyn Kai Kaia Kailee Kailey Kailyn
Kaitlin Kaitlyn Kaj Kaja Kale Kaleb Kaleigh Kalervo Kalevi Kaley Kali Kalle Kallie Kameron Kamille Kamren
Kamron Kamryn Kane Kara Kareem Karelle Karen Kari Kariane Karianne Karim Karin Karina Karine Karl Karl-Emil
Karl-Johan Karla Karlee Karley Karli Karlie Karlo Karlotta Karolann Karoliina Karolina Karoline Karson
Kasandra Kasey Kasper Kassandra Katariina Katarina Kate Katelin Katelyn Katelynn Katharina Katherine Katheryn
Kathleen Kathlyn Kathrin Kathrine Kathryn Kathryne Kathy Katie Katja Katlyn Katlynn Katrin Katrina Katrine
Kattie Kavon Kay Kaya Kaycee Kayden Kayla Kaylah Kaylee Kayleigh Kayley Kayli Kaylie Kaylin Kayra Keagan Keanu
Keara Keaton Keegan Keeley Keely Keenan Keira Keith Kellen Kelley Kelli Kellie Kelly Kelsi Kelsie Kelton
Kelvin Ken Kenan Kendall Kendra Kendrick Kenna Kennedi Kennedy Kenneth Kennith Kenny Keno Kent Kenton Kenya
Kenyatta Kenyon Keon Kerem Kerim Kerry Kerstin Keshaun Keshawn Keven Kevin Kevon Keyon Keyshawn Khalid Khalil
Kian Kiana Kianna Kiara Kiarra Kiel Kiera Kieran Kiley Kilian Kim Kimberley Kimberly Kimi King Kip Kira Kirk
Kirsten Kirstin Kitty Kjell Klaas Klara Klemens Kobe Koby Kody Kolby Kole Konrad Konstantin Koray Korbin
Korbinian Korey Korinna Kory Kraig Kris Krista Kristen Kristi Kristian Kristie Kristiina Kristin Kristina
Kristine Kristofer Kristoffer Kristopher Kristy Krystal Krystel Krystina Kurt Kurtis Kyla Kyle Kylee Kyleigh
Kyler Kylie Kyllikki Kyra Lacey Lacy Ladarius Lafayette Laila Laisha Lamar Lambert Lamont Lana Lance Landen
Lane Laney Lara Larissa Laron Larry Lars Larue Lasse Latoya Laura Laureen Laurel Lauren Laurence Laurens
Laurenz Lauretta Lauri Lauriane Laurianne Laurie Laurin Laurine Laury Lauryn Lavada Lavern Laverna Laverne
Lavina Lavinia Lavon Lavonne Lawrence Lawson Layla Layne Lazaro Lea Leah Lean Leana Leander Leandra Leandro
Leann Leanna Leanne Leatha Leda Lee Leena Leif Leigh Leila Leilani Lela Lelah Leland Lelia Lempi Lemuel Len
Lena Lene Leni Lenia Lenja Lenn Lenna Lennard Lennart Lennert Lennie Lennox Lenny Lenora Lenore Lenya Leo
Leola Leon Leona Leonard Leonardo Leone Leonel Leonhard Leoni Leonidas Leonie Leonor Leonora Leopold Leopoldo
Leora Lera Leroy Lesley Leslie Lesly Lessie Lester Leta Letha Leticia Letitia Letizia Levent Levi Levin Levke
Lew Lewin Lewis Lexi Lexie Lexus Leyla Lia Liah Liam Lian Liana Lias Libbie Libby Liisa Lila Lili Lilia Lilian
Liliana Liliane Lilith Lilla Lilli Lillian Lilliana Lillie Lilly Lily Lilyan Lina Lincoln Linda Lindsay
Lindsey Line Linn Linnea Linnie Linnéa Lino Linus Linwood Lio Lion Lionel Lis Lisa Lisandro Lisann Lisanne
Lisbeth Lisette Litzy Liv Livia Liz Liza Lizeth Lizzie Llewellyn Lloyd Logan Lois Lola Lolita Loma Lon London
Lone Lonie Lonnie Lonny Lonzo Lora Loraine Loreen Loren Lorena Lorene Lorenz Lorenza Lorenzo Loretta Lori
Lorine Loris Lorna Lorraine Lotta Lotte Lottie Lou Louie Louis Louisa Louise Lourdes Louvenia Lovisa Lowell
Loy Loyal Loyce Luan Luana Luc Luca Lucas Lucia Lucian Luciano Lucie Lucien Lucienne Lucile Lucille Lucinda
Lucio Lucious Lucius Lucy Ludie Ludvig Ludwig Lue Luella Luigi Luis Luisa Luise Luiz Luk Luka Lukas Luke Lula
Lulu Luna Lupe Lura Lurline Luther Lutz Luz Luzie Lya Lyda Lydia Lykke Lyla Lyle Lyn Lynda Lynette Lynn Lynne
Lyric Lysanne Maarit Mabel Mabelle Mable Mac Macey Maci Macie Mack Mackenzie Macy Madaline Madalyn Maddison
Maddox Madeleine Madeline Madelyn Madelynn Madge Madie Madilyn Madisen Madison Madisyn Madita Madleen Madlen
Madonna Mads Madyson Mae Maegan Maeve Mafalda Magali Magdalen Magdalena Maggie Magnolia Magnus Maia Maida
Maija Maik Maike Mailin Maira Maiya Maja Major Makayla Makenna Makenzie Maksim Malachi Malcolm Malena Malene
Malia Malik Malika Malin Malina Malinda Mallie Mallory Malte Malthe Malvina Mamie Mandy Manley Manuel Manuela
Mara Marah Marc Marcel Marcelina Marcelino Marcella Marcelle Marcellus Marcelo Marcia Marco Marcos Marcus
Mareike Marek Maren Margaret Margareta Margarete Margarett Margaretta Margarette Margarita Marge Margie Margot
Margret Marguerite Mari Maria Mariah Mariam Marian Mariana Mariane Marianna Marianne Mariano Maribel Marie
Marieke Mariela Mariella Marielle Marietta Marika Marilie Marilou Marilyn Marilyne Marina Mario Marion Marisa
Marisol Marissa Marit Maritza Marius Marja Marjatta Marjolaine Marjorie Marjory Mark Markku Marko Markus Marla
Marlee Marleen Marlen Marlena Marlene Marley Marlin Marlo Marlon Marques Marquis Marquise Marsha Marshall
Marta Marte Marten Martha Martin Martina Martine Martti Marty Marvin Marwin Mary Maryam Maryann Maryjane
Maryse Mason Mateo Mathew Mathias Mathilda Mathilde Mathis Matias Matilda Matilde Matis Mats Matt Matteo
Mattes Matthew Matthias Matthis Matti Mattias Mattie Mattis Maud Maude Maudie Maureen Maurice Mauricio Maurine
Maverick Mavis Max Maxi Maxie Maxim Maxima Maxime Maximilian Maximillia Maximillian Maximo Maximus Maxine
Maxwell May Maya Maybell Maybelle Maye Maymie Maynard Mayra Mazie Mckayla Mckenna Mckenzie Meagan Meaghan Meda
Medina Medine Megan Megane Meggie Meghan Mehmet Meik Meike Mekhi Melanie Melany Melba Melek Melike Melina
Melinda Melis Melisa Melissa Mellie Melody Melvin Melvina Melyna Melyssa Mercedes Meredith Merete Merl Merle
Merlin Merritt Mert Mertie Merve Mervin Meryem Meta Mette Mia Micaela Micah Michael Michaela Michale Micheal
Michel Michele Michelle Mick Mieke Miguel Mika Mikael Mikaela Mikail Mikayla Mike Mikel Mikkel Mikko Mila
Milan Milana Mildred Milena Miles Milford Milla Mille Miller Millie Milo Milton Mina Mindy Minerva Minna
Minnie Mio Mira Mirac Miracle Miranda Miray Mirco Mireille Mireya Miriam Mirja Mirko Misael Missouri Misty
Mitchel Mitchell Mittie Moa Modesta Modesto Mohamed Mohammad Mohammed Moises Mollie Molly Mona Monica Monique
Monroe Monserrat Monserrate Montana Monte Monty Morgan Moriah Moritz Morris Morten Mortimer Morton Mose Moses
Moshe Mossie Mozell Mozelle Muhammad Muhammed Murat Muriel Murl Murphy Murray Mustafa Mya Myah Mylene Myles
Myra Myriam Myrl Myrna Myron Myrtice Myrtie Myrtis Myrtle Nadia Nadine Nadja Naemi Nakia Name Nancy Nanna
Nannie Naomi Naomie Napoleon Narciso Nash Nasir Nat Natalia Natalie Natasha Nathalie Nathan Nathanael
Nathanial Nathaniel Nathen Nayeli Neal Ned Nedra Neele Neha Neil Nela Nelda Nele Nella Nelle Nelli Nellie
Nelly Nels Nelson Neo Neoma Nestor Nettie Neva Nevio Newell Newton Nia Nicholas Nicholaus Nichole Nick Nicklas
Nicklaus Nickolas Niclas Nico Nicola Nicolai Nicolas Nicole Nicolette Nicoline Niels Niels-Christian Nigel
Nika Nike Nikita Nikki Nikko Niklas Niko Nikolai Nikolas Nila Nils Nina Nino Nisa Noah Noble Noe Noel Noelia
Noemi Noemie Noemy Nola Nolan Nona Nora Norbert Norberto Norene Norma Norman Norris Norval Norwood Nova
Novella Nya Nyah Nyasia Obie Oceane Ocie Octavia Oda Odell Odessa Odie Odin Ofelia Oke Okey Ola Olaf Olavi Ole
Olen Oleta Olga Olin Olive Oliver Olivia Olle Ollie Olof Oma Omar Omari Omer Ona Onie Onur Opal Ophelia Ora
Oral Oran Oren Orie Orin Orion Orland Orlando Orlo Orpha Orrin Orval Orville Orvokki Osbaldo Osborne Oscar
Oskar Oskari Osvaldo Oswald Oswaldo Otha Otho Otilia Otis Ottilie Ottis Otto Ova Owen Ozella Pablo Paige Palma
Pam Pamela Pansy Paolo Paris Parker Pascal Pascale Pasquale Pat Patience Patrice Patricia Patrick Patrik
Patrizia Patsy Patti Pattie Patty Paul Paula Paulette Pauliina Paulina Pauline Paxton Payton Pearl Pearlie
Pearline Pedro Peer Peggie Peggy Pekka Penelope Penny Pentti Pepe Per Percival Percy Pernilla Perry Pete Peter
Petra Petri Petteri Peyton Phil Philine Philip Philipp Phillip Phoebe Phyllis Pia Pierce Pierre Piet Pietro
Pink Pinkie Piper Pirjo Pirkko Pit Pius Polly Pontus Porter Poul Precious Presley Preston Price Prince
Princess Priscilla Providenci Prudence Päivi Queen Queenie Quentin Quincy Quinn Quinten Quinton Quirin Rachael
Rachel Rachelle Rae Raegan Rafael Rafaela Raheem Rahel Rahsaan Rahul Raik Raina Raleigh Ralph Ramiro Ramon
Ramona Randal Randall Randi Randolph Randy Rania Ransom Raoul Raphael Raphaelle Raquel Rashad Rashawn Rasheed
Rasmus Raul Raven Ray Rayan Raymond Raymundo Reagan Reanna Reba Rebeca Rebecca Rebeka Rebekah Rebekka Reece
Reed Reese Regan Reggie Regina Reginald Regitze Reid Reilly Reina Reinhold Remington Rene Renee René Ressie
Reta Retha Retta Reuben Reva Rex Rey Reyes Reymundo Reyna Reynold Rhea Rhett Rhianna Rhiannon Rhoda Rhonda
Riana Ricardo Riccardo Richard Richie Richmond Rick Rickard Rickey Rickie Ricky Rico Rieke Rigoberto Riitta
Rike Rikke Riley Rita Ritva River Robb Robbie Robert Roberta Roberto Robin Robyn Rocco Rochelle Rocio Rocky
Rod Roderick Rodger Rodney Rodolfo Rodrick Rodrigo Roel Rogelio Roger Rogers Roland Rolando Rolf Rollin Roma
Romaine Roman Romeo Romina Romy Ron Ronald Ronaldo Ronja Ronnie Ronny Roosevelt Rory Rosa Rosa-Maria Rosalee
Rosalia Rosalie Rosalind Rosalinda Rosalyn Rosamond Rosanna Rosario Roscoe Rose Rosella Roselyn Rosemarie
Rosemary Rosendo Rosetta Rosie Rosina Roslyn Ross Rossie Rowan Rowena Rowland Roxane Roxanne Roy Royal Royce
Rozella Ruben Rubie Ruby Rubye Rudolph Rudy Rufus Rupert Russ Russel Russell Rusty Ruth Ruthe Ruthie Ryan
Ryann Ryder Rylan Rylee Ryleigh Ryley Sabina Sabrina Sabryna Sadie Sadye Sage Sahra Said Saige Sakari Salih
Sallie Sally Salma Salome Salvador Salvatore Sam Samanta Samantha Samara Sami Samia Samir Samira Sammie Sammy
Samson Samuel Sander Sandra Sandrine Sandro Sandy Sanford Sanja Sanne Santa Santiago Santina Santino Santos
Saphira Sara Sarah Sarai Sari Sarina Sascha Sasha Saskia Satu Saul Savanah Savanna Savannah Savion Scarlett
Schuyler Scot Scott Scottie Scotty Seamus Sean Sebastian Sedrick Selena Selim Selin Selina Selma Selmer Semih
Sena Seppo Serena Serenity Sergio Seth Shad Shaina Shakira Shana Shane Shanel Shanelle Shania Shanie Shaniya
Shanna Shannon Shanny Shanon Shany Shari Sharon Shaun Shawn Shawna Shaylee Shayna Shayne Shea Sheila Sheldon
Shelia Shelley Shelly Shemar Sheri Sheridan Sherman Sherri Sherry Sherwood Sheryl Shirley Shyann Shyanne Sibyl
Sid Sidney Sienna Sierra Sigmund Signe Sigrid Sigurd Silas Silja Silje Silvia Sim Simen Simeon Simon Simone
Sina Sinan Sincere Sindre Sinikka Sinja Sister Siv Sky Skye Skyla Skylar Smilla Sofia Sofie Soledad Solon
Sondre Sonia Sonja Sonny Sonya Sophia Sophie Soraya Spencer Stacey Stacy Stan Stanford Stanley Stanton Steen
Stefan Stefanie Steffen Stella Stephan Stephania Stephanie Stephany Stephen Stephon Sterling Steve Steven
Stevie Stewart Stig Stina Stine Stone Stuart Sude Sue Summer Sune Sunniva Sunny Susan Susana Susanna Susanne
Susie Suzanne Svea Sven Svend Svenja Syble Sydnee Sydney Sydni Sydnie Sylvan Sylvester Sylvia Synne Sönke
Sören Søren Tabea Tabitha Tad Taha Talea Talia Talon Tamara Tami Tamia Tamina Tamino Tammo Tammy Tania Tanja
Tanner Tanya Tapani Tapio Tara Tarik Tarja Taryn Tasha Tate Tatum Tatyana Taurean Tavares Taya Tayler Taylor
Teagan Ted Tellervo Telly Teo Terence Teresa Teri Terrance Terrell Terrence Terri Terrill Terry Tess Tessa
Tessie Tevin Thad Thaddeus Thalea Thalia Thea Thelma Theo Theodor Theodora Theodore Theresa Therese Theresia
Theron Thies Thilo Thomas Thora Thorben Thore Thorge Thurman Tia Tiago Tiana Tianna Tiara Tierra Tiffany Tiina
Til Till Tillman Tillmann Tim Timm Timmothy Timmy Timo Timon Timothy Tina Tine Tino Tiril Tito Titus Tizian
Tjark Tobias Tobin Toby Tod Todd Tom Tomas Tomasa Tomke Tommie Tommy Toney Toni Tony Tonya Torben Torbjörn
Tore Torey Torrance Torrey Toy Trace Tracey Traci Tracy Travis Travon Tre Tremaine Tremayne Trent Trenton
Tressa Tressie Treva Trever Trevion Trevor Trey Tricia Trine Trinity Trisha Tristan Tristian Tristin Triston
Troels Troy Trudie Trycia Trystan Tuana Tuomas Turner Tuula Tuulikki Tuva Twila Tyler Tyra Tyree Tyreek Tyrel
Tyrell Tyrese Tyrique Tyron Tyrone Tyshawn Tyson Ubaldo Uffe Ulf Ulices Ulises Ulla Ulrik Ulrika Umut Una
Unique Urban Uriah Uriel Ursula Vada Vagn Valdemar Valentin Valentina Valentine Valentino Valeria Valerie
Vallie Valtteri Van Vance Vanessa Vaughn Veda Veikko Veit Velda Vella Velma Velva Vena Vera Verda Verdie
Vergie Verla Verlie Vern Verna Verner Vernice Vernie Vernon Verona Veronica Veronika Vesta Vibeke Vicenta
Vicente Vicki Vickie Vicky Victor Victoria Vida Vidal Viggo Viktor Viktoria Vilde Vilhelm Ville Villy Vilma
Vin Vince Vincent Vincenza Vincenzo Vinnie Viola Violet Violette Virgie Virgil Virginia Virginie Vita Vito
Vitus Viva Vivian Viviane Vivianne Vivien Vivienne Vladimir Wade Waino Waldo Walker Wallace Walter Walton
Wanda Ward Warren Watson Wava Waylon Wayne Webster Weldon Wellington Wendell Wendy Werner Wesley Westley
Weston Whitney Wibke Wiebke Wilber Wilbert Wilbur Wilburn Wiley Wilford Wilfred Wilfredo Wilfrid Wilhelm
Wilhelmine Will Willa Willard Willi William Willie Willis Willow Willy Wilma Wilmer Wilson Wilton Winfield
Winifred Winnifred Winona Winston Wm Woodrow Wyatt Wyman Xander Xaver Xavier Xenia Xzavier Yadira Yannic
Yannick Yannik Yannis Yara Yaren Yasin Yasmeen Yasmin Yasmine Yazmin Yesenia Yessenia Ylvi Ylvie Yolanda
Yoshiko Youssef Yunus Yusuf Yven Yves Yvette Yvonne Zachariah Zachary Zachery Zack Zackary Zackery Zakary
Zander Zane Zara Zaria Zechariah Zehra Zelda Zella Zelma Zena Zetta Zeynep Zion Zita Zoe Zoey Zoie Zoila Zola
Zora Zoé Zula Åke Åsa Ömer
`;

export const COMMON_SV = `
Bernt Bertil Birger Birgit Bodil Britta Börje Carin Conny Dag Elsy Ernst Evy Folke Gerd Gert Gertrud Gunborg
Gustaf Gösta Göte Hampus Helge Hjalmar Ingalill Inge Ingela Ingemar Ingvar Kajsa Krister Lage Lise Maj
Margaretha Margit Marita Monika Märta Olov Ove Owe Pär Ragnar Ralf Rikard Rune Rut Sivert Sixten Solveig Sten
Sture Svante Tage Theres Tor Torsten Ture Valter Viveca Örjan Östen
`;
