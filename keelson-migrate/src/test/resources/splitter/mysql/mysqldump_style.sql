-- The shape mysqldump writes: version comments as whole statements, triggers between DELIMITER ;;
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

DROP TABLE IF EXISTS `items`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE `items` (
  `id` int(11) NOT NULL,
  `label` varchar(20) DEFAULT 'a;b',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `items` WRITE;
/*!40000 ALTER TABLE `items` DISABLE KEYS */;
INSERT INTO `items` VALUES (1,'x;y'),(2,'\';\'');
/*!40000 ALTER TABLE `items` ENABLE KEYS */;
UNLOCK TABLES;

DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER `items_bi` BEFORE INSERT ON `items` FOR EACH ROW BEGIN
  SET NEW.label = CONCAT(NEW.label, ';');
END */;;
DELIMITER ;

INSERT INTO `items` VALUES (3, 'z');

-- a view as mysqldump writes it: a stand-in table first, then /*!50001 ... */ version comments around the parts
/*!50001 DROP VIEW IF EXISTS `labels;view`*/;
/*!50001 CREATE VIEW `labels;view` AS SELECT 1 AS `id`, 1 AS `label` */;
/*!50001 DROP VIEW IF EXISTS `labels;view`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=CURRENT_USER SQL SECURITY DEFINER */
/*!50001 VIEW `labels;view` AS select `items`.`id` AS `id`,concat(`items`.`label`,';') AS `label` from `items` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
SELECT label = 'z;;' AS expect_true FROM `labels;view` WHERE id = 3;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
SELECT label = 'z;' AS expect_true FROM `items` WHERE id = 3;
SELECT label = ''';''' AS expect_true FROM `items` WHERE id = 2;
